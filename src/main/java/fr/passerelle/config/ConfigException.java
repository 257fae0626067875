package fr.passerelle.config;

/** A configuration that cannot be used; the message names the setting as YAML key and environment variable. */
public final class ConfigException extends RuntimeException {

  public ConfigException(String message) {
    super(message, null, false, false);
  }
}
