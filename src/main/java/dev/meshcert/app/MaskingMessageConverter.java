package dev.meshcert.app;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.meshcert.core.redact.Redaction;

/**
 * Logback's {@code %msg} with private keys, tokens, passwords and Secret data masked ({@link
 * Redaction#forLogs()}). Registered as {@code %maskedMsg} in the logback configurations.
 */
public final class MaskingMessageConverter extends MessageConverter {

  private static final Redaction LOGS = Redaction.forLogs();

  @Override
  public String convert(ILoggingEvent event) {
    return LOGS.text(super.convert(event));
  }
}
