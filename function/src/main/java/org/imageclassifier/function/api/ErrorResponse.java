package org.imageclassifier.function.api;

/**
 * The JSON body of every error response.
 *
 * @param code stable code, such as {@code NOT_AN_IMAGE}; {@link ApiErrors} lists them
 * @param message explanation for a person, with what to do next
 * @param requestId the Lambda request id, which every log line of the request carries
 */
public record ErrorResponse(String code, String message, String requestId) {}
