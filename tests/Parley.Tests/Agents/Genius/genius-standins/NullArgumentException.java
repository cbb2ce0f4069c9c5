package agents.org.apache.commons.math.exception;

import agents.org.apache.commons.math.exception.util.Localizable;
import agents.org.apache.commons.math.exception.util.LocalizedFormats;

/**
 * Stand-in for Apache Commons Math 2.2's NullArgumentException, which the NegMAS mirror of GENIUS 10.4 lacks (written
 * by the Parley g3 helper only to compile IAMhaggler2011; thrown only on null arguments).
 */
public class NullArgumentException extends MathIllegalArgumentException {
    private static final long serialVersionUID = 1L;
    public NullArgumentException() { this(LocalizedFormats.NULL_NOT_ALLOWED); }
    public NullArgumentException(Localizable pattern, Object... arguments) { super(pattern, arguments); }
}
