using FastEndpoints;
using FluentValidation;
using Lineage.Api.Wire;

namespace Lineage.Api.Transfer.Export;

/// <summary><c>GET /api/v1/export</c>'s query: one page of the catalog's entities.</summary>
internal sealed record ExportRequest : IStrictQuery
{
    /// <summary>The most entities a page holds.</summary>
    public const int MaxLimit = 1000;

    /// <summary>Every kept version, oldest first, rather than the latest of each aspect.</summary>
    public bool History { get; init; }

    /// <summary>The <c>next</c> of the previous page; the first page when absent.</summary>
    public string? After { get; init; }

    /// <summary>How many entities this page holds at most (100 when absent).</summary>
    public int Limit { get; init; } = 100;
}

/// <summary>A page is 1 to <see cref="ExportRequest.MaxLimit"/> entities.</summary>
internal sealed class ExportValidator : Validator<ExportRequest>
{
    public ExportValidator() => RuleFor(r => r.Limit).InclusiveBetween(1, ExportRequest.MaxLimit)
        .WithMessage(r => $"{r.Limit} is out of range: a page holds 1 to {ExportRequest.MaxLimit} entities");
}
