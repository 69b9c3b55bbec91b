/**
 * Phone and WhatsApp numbers encrypted at rest (issue 15, item 10): format-preserving FF1 under a key derived
 * from the key-encryption key, so the values still fit users' VARCHAR(20) columns and an equality lookup still
 * uses idx_users_whatsapp_number; the startup step that encrypts what was stored before. The User entity reads
 * and writes them through PhoneNumberConverter. See src/site/markdown/security.md.
 */
package id.narasiahli.accounts.phonenumbers;
