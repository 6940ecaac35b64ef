// Generated from schemas/runbook-config.schema.json by test/unit/config/syncSchemaModule.ts: do not edit.
// Regenerate: npx tsc -p test && node out/test/unit/config/syncSchemaModule.js

/** The JSON Schema (draft-07) of a runbook config: front matter and `<name>.deploy-pilot.yaml`. */
export const runbookConfigSchema = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://raw.githubusercontent.com/deploy-pilot/deploy-pilot/main/schemas/runbook-config.schema.json",
  "title": "Deploy Pilot runbook configuration",
  "description": "What a runbook's prose cannot say: environments, health checks, alerts, variables and rollback settings. It is written as YAML front matter at the very top of the runbook (between '---' lines) and/or in a sidecar file '<name>.deploy-pilot.yaml' next to '<name>.md'. Both are merged: the sidecar's values are merged under the front matter's, key by key; where both set the same key the front matter wins (mappings merge recursively, lists and single values are replaced as a whole). Durations are written like \"30s\", \"1m\", \"1h30m\" or \"5 minutes\", or as a number of seconds.",
  "type": "object",
  "additionalProperties": false,
  "properties": {
    "$schema": {
      "title": "Schema",
      "description": "Optional URL of this JSON Schema, for editors that validate the file.",
      "type": "string"
    },
    "version": {
      "title": "Config format version",
      "description": "Version of this configuration format. Only 1 exists; when omitted, 1 is assumed.",
      "const": 1,
      "default": 1,
      "errorMessage": "must be 1 (the only config format version)"
    },
    "environments": {
      "title": "Environments",
      "description": "Deployment targets by name (for example staging and production): where to check health, read metrics and find the containers.",
      "type": "object",
      "propertyNames": {
        "pattern": "^[A-Za-z0-9][A-Za-z0-9_.-]*$",
        "errorMessage": "must be a name made of letters, digits, '_', '.' and '-' (starting with a letter or digit)"
      },
      "additionalProperties": {
        "$ref": "#/definitions/environment"
      },
      "default": {}
    },
    "variables": {
      "title": "Variables",
      "description": "Values the runbook's commands use as ${NAME}, by name: either the default value itself, or a mapping with default, description, secret and prompt.",
      "type": "object",
      "propertyNames": {
        "pattern": "^[A-Za-z_][A-Za-z0-9_]*$",
        "errorMessage": "must be a variable name: letters, digits and '_', not starting with a digit"
      },
      "additionalProperties": {
        "$ref": "#/definitions/variable"
      },
      "default": {}
    },
    "alerts": {
      "title": "Alerts",
      "description": "Alert rules evaluated while a deployment is monitored. Like Prometheus alerting rules: a condition must hold at every evaluation for the 'for' duration before the alert fires.",
      "type": "array",
      "items": {
        "$ref": "#/definitions/alert"
      },
      "default": []
    },
    "tagPattern": {
      "title": "Release tag pattern",
      "description": "Glob that release tags match (as in 'git tag -l PATTERN'); used to find the previous release for rollback.",
      "type": "string",
      "minLength": 1,
      "default": "v*"
    },
    "rollback": {
      "title": "Rollback",
      "description": "How a rollback is verified.",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "verify": {
          "title": "Rollback verification",
          "description": "A rollback counts as done only when the health check passes this many times in a row within the timeout.",
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "consecutiveHealthy": {
              "title": "Consecutive healthy checks",
              "description": "Number of health checks in a row that must pass after a rollback.",
              "type": "integer",
              "minimum": 1,
              "default": 3
            },
            "timeout": {
              "$ref": "#/definitions/duration",
              "title": "Verification timeout",
              "description": "How long to wait for the consecutive healthy checks before the rollback is reported as failed. A duration like \"5m\" or a number of seconds.",
              "default": "5m"
            }
          }
        }
      }
    },
    "runs": {
      "title": "Run records",
      "description": "Where the record of each run (steps, exit codes, health and alerts) is kept.",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "folder": {
          "title": "Runs folder",
          "description": "Folder for run records, relative to the workspace folder.",
          "type": "string",
          "minLength": 1,
          "default": ".deploy-pilot/runs"
        }
      }
    }
  },
  "definitions": {
    "duration": {
      "title": "Duration",
      "description": "A duration like \"30s\", \"1m\", \"1h30m\", \"500ms\" or \"5 minutes\", or a number of seconds.",
      "type": [
        "string",
        "number"
      ],
      "pattern": "^\\s*(?:\\d+(?:\\.\\d+)?|(?:\\d+(?:\\.\\d+)?\\s*(?:ms|milliseconds?|s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?)(?![a-z])\\s*)+)\\s*$",
      "minimum": 0,
      "errorMessage": "must be a duration like \"10s\" or a number of seconds",
      "examples": [
        "30s",
        "1m",
        "1h30m",
        60
      ]
    },
    "httpUrl": {
      "type": "string",
      "pattern": "^https?://\\S+$",
      "errorMessage": "must be an http:// or https:// URL"
    },
    "environment": {
      "title": "Environment",
      "description": "One deployment target.",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "healthUrl": {
          "$ref": "#/definitions/httpUrl",
          "title": "Health URL",
          "description": "URL probed by the health check (for example http://127.0.0.1:8080/api/health). Healthy means an accepted status code and, when set, the keyword or JSON value.",
          "examples": [
            "http://127.0.0.1:8080/api/health"
          ]
        },
        "metricsUrl": {
          "$ref": "#/definitions/httpUrl",
          "title": "Metrics URL",
          "description": "The application's own metrics endpoint in Prometheus text format (for example http://127.0.0.1:8080/metrics), read directly when there is no Prometheus server.",
          "examples": [
            "http://127.0.0.1:8080/metrics"
          ]
        },
        "prometheusUrl": {
          "$ref": "#/definitions/httpUrl",
          "title": "Prometheus URL",
          "description": "Base URL of a Prometheus server (for example http://127.0.0.1:9090); the queries in 'promql' are sent to its /api/v1/query and /api/v1/query_range.",
          "examples": [
            "http://127.0.0.1:9090"
          ]
        },
        "dockerHost": {
          "title": "Docker host",
          "description": "Docker engine to talk to, as in DOCKER_HOST: unix:///var/run/docker.sock, tcp://127.0.0.1:2375, ssh://user@host or npipe:////./pipe/docker_engine. When omitted, the local default engine.",
          "type": "string",
          "pattern": "^(?:unix:///\\S*|tcp://\\S+|ssh://\\S+|npipe://\\S+)$",
          "errorMessage": "must be a Docker host like \"unix:///var/run/docker.sock\", \"tcp://127.0.0.1:2375\" or \"ssh://user@host\"",
          "examples": [
            "unix:///var/run/docker.sock",
            "tcp://127.0.0.1:2375",
            "ssh://deploy@127.0.0.1"
          ]
        },
        "composeFile": {
          "title": "Compose file",
          "description": "Docker Compose file(s) of this environment (one path or a list, as with repeated 'docker compose -f'), relative to 'cwd'.",
          "type": [
            "string",
            "array"
          ],
          "minLength": 1,
          "minItems": 1,
          "items": {
            "type": "string",
            "minLength": 1
          },
          "examples": [
            "docker-compose.staging.yml"
          ]
        },
        "composeProject": {
          "title": "Compose project",
          "description": "Docker Compose project name (as 'docker compose -p'): lower-case letters, digits, '-' and '_'.",
          "type": "string",
          "pattern": "^[a-z0-9][a-z0-9_-]*$",
          "errorMessage": "must be a Compose project name: lower-case letters, digits, '-' and '_', starting with a letter or digit"
        },
        "containers": {
          "title": "Containers",
          "description": "Names of the containers to monitor (restarts, OOM kills, memory, CPU). Together with 'services', the union is monitored.",
          "type": "array",
          "uniqueItems": true,
          "items": {
            "type": "string",
            "pattern": "^/?[A-Za-z0-9][A-Za-z0-9_.-]*$",
            "errorMessage": "must be a container name (letters, digits, '_', '.' and '-')"
          },
          "examples": [
            [
              "aidrive-dashboard"
            ]
          ]
        },
        "services": {
          "title": "Compose services",
          "description": "Docker Compose services whose containers are monitored (found by the compose project and service labels).",
          "type": "array",
          "uniqueItems": true,
          "items": {
            "type": "string",
            "pattern": "^[A-Za-z0-9][A-Za-z0-9_.-]*$",
            "errorMessage": "must be a Compose service name (letters, digits, '_', '.' and '-')"
          },
          "examples": [
            [
              "dashboard",
              "worker"
            ]
          ]
        },
        "cwd": {
          "title": "Working directory",
          "description": "Directory the environment's commands run in, relative to the runbook's folder (or absolute).",
          "type": "string",
          "minLength": 1
        },
        "health": {
          "$ref": "#/definitions/healthCheck"
        },
        "autoRollback": {
          "$ref": "#/definitions/autoRollback"
        },
        "promql": {
          "title": "PromQL queries",
          "description": "Metric name → PromQL query sent to 'prometheusUrl'; alert conditions refer to these names (for example error_rate: sum(rate(http_errors_total[5m])) / sum(rate(http_requests_total[5m]))).",
          "type": "object",
          "propertyNames": {
            "pattern": "^[A-Za-z_][A-Za-z0-9_]*$",
            "errorMessage": "must be a metric name: letters, digits and '_', not starting with a digit"
          },
          "additionalProperties": {
            "type": "string",
            "minLength": 1
          }
        }
      }
    },
    "healthCheck": {
      "title": "Health check",
      "description": "How 'healthUrl' is probed. Same model and defaults as Uptime Kuma: every 60 s, timeout at most 80 % of the interval, 0 retries, status 200-299 accepted. A failing check is PENDING while retries remain, then DOWN.",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "interval": {
          "$ref": "#/definitions/duration",
          "title": "Interval",
          "description": "Time between two checks. A duration like \"30s\" or \"1m\", or a number of seconds. Default 60 s.",
          "default": 60
        },
        "timeout": {
          "$ref": "#/definitions/duration",
          "title": "Timeout",
          "description": "How long one check may take. At most 80 % of the interval (longer values are capped, as Uptime Kuma does); default 80 % of the interval.",
          "examples": [
            "10s",
            48
          ]
        },
        "retries": {
          "title": "Retries",
          "description": "How many failed checks in a row are tolerated (PENDING) before the target is DOWN. Default 0.",
          "type": "integer",
          "minimum": 0,
          "default": 0
        },
        "acceptedStatus": {
          "title": "Accepted status codes",
          "description": "HTTP status codes that count as healthy: codes like 200 or ranges like \"200-299\". Default [\"200-299\"].",
          "type": "array",
          "minItems": 1,
          "items": {
            "type": [
              "integer",
              "string"
            ],
            "minimum": 100,
            "maximum": 599,
            "pattern": "^[1-5][0-9]{2}(?:-[1-5][0-9]{2})?$",
            "errorMessage": "must be an HTTP status code like 200 or a range like \"200-299\""
          },
          "default": [
            "200-299"
          ]
        },
        "keyword": {
          "title": "Keyword",
          "description": "Text the response body must contain (case-sensitive) for the check to pass.",
          "type": "string",
          "minLength": 1
        },
        "jsonPath": {
          "title": "JSON path",
          "description": "Path into the JSON response body (for example $.status); the value found must equal 'expected'.",
          "type": "string",
          "minLength": 1,
          "examples": [
            "$.status"
          ]
        },
        "expected": {
          "title": "Expected value",
          "description": "Value that 'jsonPath' must find in the response body for the check to pass.",
          "type": [
            "string",
            "number",
            "boolean"
          ],
          "examples": [
            "ok"
          ]
        },
        "headers": {
          "title": "Request headers",
          "description": "HTTP headers sent with each check. Values may reference secrets as ${secret:NAME}, so that credentials never live in the file.",
          "type": "object",
          "propertyNames": {
            "pattern": "^[!#$%&'*+.^_`|~0-9A-Za-z-]+$",
            "errorMessage": "must be an HTTP header name"
          },
          "additionalProperties": {
            "type": "string"
          },
          "examples": [
            {
              "X-API-Key": "${secret:API_KEY}"
            }
          ]
        }
      },
      "dependencies": {
        "jsonPath": [
          "expected"
        ],
        "expected": [
          "jsonPath"
        ]
      }
    },
    "autoRollback": {
      "title": "Automatic rollback",
      "description": "Roll back on its own when one of the listed alerts fires, after a countdown that a person can cancel.",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "enabled": {
          "title": "Enabled",
          "description": "Whether alerts may trigger a rollback of this environment. Default false.",
          "type": "boolean",
          "default": false
        },
        "alerts": {
          "title": "Triggering alerts",
          "description": "Names of the alerts that trigger the rollback. When omitted, every critical alert that applies to this environment.",
          "type": "array",
          "uniqueItems": true,
          "items": {
            "type": "string",
            "minLength": 1
          }
        },
        "countdown": {
          "$ref": "#/definitions/duration",
          "title": "Countdown",
          "description": "Time between the alert firing and the rollback starting, during which it can be cancelled. A duration like \"60s\" or a number of seconds. Default 60 s.",
          "default": "60s"
        }
      }
    },
    "variable": {
      "title": "Variable",
      "description": "The default value itself, or a mapping with default, description, secret and prompt.",
      "type": [
        "string",
        "object"
      ],
      "errorMessage": "must be a text value (quote numbers such as \"1.10\" so YAML keeps them as written) or a mapping with default, description, secret and prompt",
      "additionalProperties": false,
      "properties": {
        "default": {
          "title": "Default value",
          "description": "Value used unless the user gives another. Not allowed for secrets.",
          "type": "string",
          "errorMessage": "must be text (quote numbers such as \"1.10\" so YAML keeps them as written)"
        },
        "description": {
          "title": "Description",
          "description": "What the variable is for; shown when its value is asked for.",
          "type": "string"
        },
        "secret": {
          "title": "Secret",
          "description": "A credential: never written to files or logs, never given a default value; asked for at run time.",
          "type": "boolean",
          "default": false
        },
        "prompt": {
          "title": "Prompt",
          "description": "Question shown when asking for the value.",
          "type": "string"
        }
      }
    },
    "alert": {
      "title": "Alert",
      "description": "One alert rule.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "name",
        "condition"
      ],
      "properties": {
        "name": {
          "title": "Name",
          "description": "Unique name of the alert; 'autoRollback.alerts' refers to it.",
          "type": "string",
          "minLength": 1
        },
        "condition": {
          "title": "Condition",
          "description": "When the alert fires, as metric, comparison and threshold, for example \"error_rate > 1%\", \"response_time_p95 > 1000ms\" or \"memory_growth > 5% in 1 hour\".",
          "type": "string",
          "minLength": 1,
          "examples": [
            "error_rate > 1%",
            "response_time_p95 > 1000ms",
            "process_restarts > 0"
          ]
        },
        "for": {
          "$ref": "#/definitions/duration",
          "title": "For",
          "description": "How long the condition must hold at every evaluation before the alert fires (one miss resets the timer), as in Prometheus. Default 0: fires at once.",
          "default": 0
        },
        "severity": {
          "title": "Severity",
          "description": "warning or critical. Default warning.",
          "enum": [
            "warning",
            "critical"
          ],
          "default": "warning"
        },
        "environments": {
          "title": "Environments",
          "description": "Environments the alert applies to. When omitted, all of them.",
          "type": "array",
          "minItems": 1,
          "uniqueItems": true,
          "items": {
            "type": "string",
            "minLength": 1
          }
        }
      }
    }
  }
} as const;

/** The schema's `$id`. */
export const RUNBOOK_CONFIG_SCHEMA_ID = runbookConfigSchema.$id;
