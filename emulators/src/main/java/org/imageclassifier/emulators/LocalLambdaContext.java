package org.imageclassifier.emulators;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * The invocation context that the Lambda runtime passes to a handler, for running a handler
 * in-process: a random request id, a deadline and a logger that writes to standard error.
 */
public final class LocalLambdaContext implements Context {

  private final String awsRequestId = UUID.randomUUID().toString();
  private final String functionName;
  private final int memoryLimitMb;
  private final long deadlineMillis;

  /**
   * Creates a context for one invocation that starts now.
   *
   * @param functionName the function name reported to the handler
   * @param memoryLimitMb the memory size reported to the handler, in MB
   * @param timeout the invocation timeout from now, which sets {@link #getRemainingTimeInMillis()}
   */
  public LocalLambdaContext(String functionName, int memoryLimitMb, Duration timeout) {
    this.functionName = functionName;
    this.memoryLimitMb = memoryLimitMb;
    this.deadlineMillis = System.currentTimeMillis() + timeout.toMillis();
  }

  @Override
  public String getAwsRequestId() {
    return awsRequestId;
  }

  @Override
  public String getLogGroupName() {
    return "/aws/lambda/" + functionName;
  }

  @Override
  public String getLogStreamName() {
    return "local";
  }

  @Override
  public String getFunctionName() {
    return functionName;
  }

  @Override
  public String getFunctionVersion() {
    return "$LATEST";
  }

  @Override
  public String getInvokedFunctionArn() {
    return "arn:aws:lambda:%s:000000000000:function:%s"
        .formatted(LocalCredentials.REGION, functionName);
  }

  /** Returns null: the function is not invoked through Amazon Cognito. */
  @Override
  public CognitoIdentity getIdentity() {
    return null;
  }

  /** Returns null: the function is not invoked by the AWS Mobile SDK. */
  @Override
  public ClientContext getClientContext() {
    return null;
  }

  @Override
  public int getRemainingTimeInMillis() {
    return (int) Math.max(0, deadlineMillis - System.currentTimeMillis());
  }

  @Override
  public int getMemoryLimitInMB() {
    return memoryLimitMb;
  }

  @Override
  public LambdaLogger getLogger() {
    return new LambdaLogger() {
      @Override
      public void log(String message) {
        System.err.print(message);
      }

      @Override
      public void log(byte[] message) {
        System.err.print(new String(message, StandardCharsets.UTF_8));
      }
    };
  }
}
