package fr.passerelle.e2e;

/** The {@code header} and {@code body} of an envelope, decoded; each travels as unpadded base64url. */
public record EncryptedMessage(byte[] header, byte[] body) {}
