using FastEndpoints;
using FluentValidation;
using Lineage.Api.Auth;

namespace Lineage.Api.Admin.Tokens.CreateToken;

/// <summary><c>POST /api/v1/admin/tokens</c>'s body: <c>{"name", "scope": "read"|"write"|"admin", "expiresInDays"?}</c>.</summary>
internal sealed record CreateTokenRequest
{
    public const int MaxDays = 3650;

    /// <summary>Who or what the token is for, as the token list shows it.</summary>
    public string? Name { get; init; }

    /// <summary><c>read</c>, <c>write</c> or <c>admin</c>.</summary>
    public string? Scope { get; init; }

    /// <summary>Days until it expires; never when absent.</summary>
    public int? ExpiresInDays { get; init; }

    /// <summary>The scope named, once the validator has let it through.</summary>
    public TokenScope TokenScope => Enum.Parse<TokenScope>(Scope!, ignoreCase: true);
}

/// <summary>A name, a known scope, and a sensible lifetime.</summary>
internal sealed class CreateTokenValidator : Validator<CreateTokenRequest>
{
    public CreateTokenValidator()
    {
        RuleFor(r => r.Name).Must(n => n?.Trim().Length is > 0 and <= 200).WithMessage("must be 1 to 200 characters");
        RuleFor(r => r.Scope)
            .Must(s => s?.ToLowerInvariant() is Auth.Scope.Read or Auth.Scope.Write or Auth.Scope.Admin)
            .WithMessage(r => $"'{r.Scope}' is not read, write or admin");
        RuleFor(r => r.ExpiresInDays).InclusiveBetween(1, CreateTokenRequest.MaxDays)
            .WithMessage($"expected a whole number of days from 1 to {CreateTokenRequest.MaxDays}");
    }
}
