namespace Lineage.Api.Auth;

/// <summary>A request without a usable token (401) or with one whose scope is too small (403).</summary>
public sealed class AuthException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;

    public static AuthException Unauthorized(string message) => new(StatusCodes.Status401Unauthorized, message);

    public static AuthException Forbidden(string message) => new(StatusCodes.Status403Forbidden, message);
}
