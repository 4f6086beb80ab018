/** Test mTLS requests with a recorded transcript and classified outcomes. */
package dev.meshcert.probe;
