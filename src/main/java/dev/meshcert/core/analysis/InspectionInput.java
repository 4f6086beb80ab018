package dev.meshcert.core.analysis;

/**
 * Bytes to inspect and the name the user knows them by.
 *
 * @param name a path, "stdin", "clipboard", or "pod ns/name container/path"
 * @param content the raw bytes; not copied, callers must not change them afterwards
 */
public record InspectionInput(String name, byte[] content) {}
