package dev.meshcert.app;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.meshcert.core.redact.Redaction;

/**
 * Logback's {@code %ex} with the same masking as {@link MaskingMessageConverter}: exception
 * messages can quote the input that failed to parse. Registered as {@code %maskedEx}.
 */
public final class MaskingThrowableConverter extends ThrowableProxyConverter {

  private static final Redaction LOGS = Redaction.forLogs();

  @Override
  public String convert(ILoggingEvent event) {
    return LOGS.text(super.convert(event));
  }
}
