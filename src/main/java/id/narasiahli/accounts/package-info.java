/**
 * Accounts and security: registration, login with throttling, short-lived RS256 access tokens (MicroProfile JWT's
 * shape) checked on every request by boundary.BearerAuthentication and boundary.RoleCheck, rotating refresh tokens with reuse detection, the signing keys (configured, or generated
 * once and shared through the database), and the first administrator.
 */
package id.narasiahli.accounts;
