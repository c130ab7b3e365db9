namespace Lineage.Api.Transfer.Import;

/// <summary>What an import request did: how many entries wrote something, how many changed nothing, and each refusal.</summary>
internal sealed record ImportResponse(int Entries, int Written, int Unchanged, IReadOnlyList<ImportRefusal> Refused);

/// <summary>A refused entry: its index in the file, the status a single write of it would get, where in it and why.</summary>
internal sealed record ImportRefusal(long Index, int Status, string Path, string Reason);
