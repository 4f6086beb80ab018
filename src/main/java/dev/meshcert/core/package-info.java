/**
 * Certificates as data: reading every input format, decoding, chains, SPIFFE IDs, expiry, findings
 * and verification. Pure: JDK, Bouncy Castle, Gson and SnakeYAML only; takes bytes and a {@link
 * java.time.Clock}, returns immutable records.
 */
package dev.meshcert.core;
