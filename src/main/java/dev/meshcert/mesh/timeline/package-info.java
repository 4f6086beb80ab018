/**
 * Every pulled certificate's validity on one time axis: bars with the expected rotation point and
 * the "expiring" window, and the scale that maps instants to pixels. Pure: depends only on {@code
 * core} and {@code mesh.trust}.
 */
package dev.meshcert.mesh.timeline;
