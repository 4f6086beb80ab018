/** JavaFX user interface: one sub-package per screen plus {@code ui.common}. */
package dev.meshcert.ui;
