namespace Parley.Cli;

/// <summary>Process exit codes of <c>parley</c>.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>An unexpected internal failure (a bug): reported with its stack trace.</summary>
    public const int InternalError = 1;
    /// <summary>Bad input: unreadable scenario, unknown option value, bad arguments.</summary>
    public const int UserError = 2;
}

/// <summary>A mistake of the user's (bad option value, missing file) with a message meant for them.</summary>
public sealed class UserErrorException(string message) : Exception(message);
