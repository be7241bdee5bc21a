package org.imageclassifier.emulators;

/**
 * Fixed address, credentials and region for the local servers. They are not secrets: S3Proxy checks
 * the AWS Signature Version 4 against this key pair, and dynalite accepts any signed request.
 */
public final class LocalCredentials {

  /** Address every local server listens on: IPv4 loopback, never a routable interface. */
  public static final String HOST = "127.0.0.1";

  /** Access key id that the local S3 server accepts. */
  public static final String ACCESS_KEY_ID = "local-access-key";

  /** Secret access key that the local S3 server accepts. */
  public static final String SECRET_ACCESS_KEY = "local-secret-key";

  /** Region the clients sign for. The local servers accept any region. */
  public static final String REGION = "us-east-1";

  private LocalCredentials() {}
}
