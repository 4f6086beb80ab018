/**
 * The probe panel: fire the mTLS walkthrough's three requests at a workload or an address and see
 * each outcome explained, with the transcript as {@code curl -v} shows it.
 */
package dev.meshcert.ui.probe;
