package io.touchpoint.starter.problem;

/** One entry of a problem's {@code errors} list: which field of the request is wrong and why. */
public record FieldError(String field, String message) {}
