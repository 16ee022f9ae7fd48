package org.newsgraph.read;

/** An input that cannot become an article; the message is the reason shown to the user. */
final class BadInputException extends Exception {
  private static final long serialVersionUID = 1L;

  BadInputException(String reason) {
    super(reason, null, false, false);
  }
}
