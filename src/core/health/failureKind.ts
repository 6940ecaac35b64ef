/** Why a health probe failed, as the HTTP layer and evaluateResponse classify it. */
export type ProbeFailureKind = 'timeout' | 'dns' | 'tls' | 'refused' | 'reset' | 'status' | 'keyword' | 'json' | 'body' | 'other';
