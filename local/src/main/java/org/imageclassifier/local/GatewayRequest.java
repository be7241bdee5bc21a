package org.imageclassifier.local;

import java.util.List;
import java.util.Map;

/**
 * One HTTP request as the local gateway received it, before it becomes an API Gateway event.
 *
 * @param method the HTTP method, such as {@code POST}
 * @param path the request path, percent-decoded, without the query string
 * @param rawQuery the query string as sent, without the {@code ?}; null when the URL has none
 * @param headers the request headers; names in any case, each with its values in order
 * @param body the request body; empty when the request has none
 * @param sourceIp the client address
 */
record GatewayRequest(
    String method,
    String path,
    String rawQuery,
    Map<String, List<String>> headers,
    byte[] body,
    String sourceIp) {}
