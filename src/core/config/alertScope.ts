/** Whether an alert applies to an environment: it does unless its `environments` leave it out. */
export function alertAppliesTo(alert: { readonly environments?: readonly string[] }, environmentName: string): boolean {
  return alert.environments === undefined || alert.environments.includes(environmentName);
}
