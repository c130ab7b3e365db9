namespace Lineage.Api.Errors;

/// <summary>
/// The JSON body of every error. DataHub's clients show <c>message</c> to the user ("Unable to emit metadata to
/// DataHub GMS: &lt;message&gt;"), so it always says what is wrong and where.
/// </summary>
public sealed record ApiError(int Status, string Message, string? Path = null, string? Reason = null)
{
    /// <summary>DataHub's error bodies name the Rest.li exception class; some clients look for it.</summary>
    public string ExceptionClass { get; init; } = "com.linkedin.restli.server.RestLiServiceException";

    /// <summary>The id of the request, as in the server's log lines and the <c>X-Request-Id</c> header.</summary>
    public string? RequestId { get; init; }
}
