/** Launcher and composition root: all wiring by constructors. */
package dev.meshcert.app;
