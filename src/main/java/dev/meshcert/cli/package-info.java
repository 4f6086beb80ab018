/** picocli commands over the same services as the GUI. */
package dev.meshcert.cli;
