/**
 * What a user may ask about their own data: a complete export (streamed, every table that holds rows of
 * theirs), the deletion of their account with everything that belongs to it (the foreign keys cascade),
 * and the consents they gave to each purpose, with when they gave and withdrew them.
 */
package id.narasiahli.privacy;
