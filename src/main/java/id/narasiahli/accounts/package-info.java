/**
 * Accounts and security: registration, login with throttling, short-lived RS256 access tokens verified by
 * MicroProfile JWT, rotating refresh tokens with reuse detection, the signing keys (configured, or generated
 * once and shared through the database), and the first administrator.
 */
package id.narasiahli.accounts;
