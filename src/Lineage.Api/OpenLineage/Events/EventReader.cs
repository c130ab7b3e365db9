using System.Globalization;
using System.Text.Json.Nodes;
using Lineage.Graph.Errors;

namespace Lineage.Api.OpenLineage.Events;

/// <summary>
/// Reads one OpenLineage event from its JSON: a run event when it has <c>run</c>, a dataset event when it has
/// <c>dataset</c>, else a job event (the shapes DataHub's endpoint tells apart). What the mapping needs must be there
/// with the right type, else a 400 names the field; a facet is never a reason to refuse.
/// </summary>
internal static class EventReader
{
    private static readonly string[] EventTypes = ["START", "RUNNING", "COMPLETE", "ABORT", "FAIL", "OTHER"];

    public static OpenLineageEvent Read(JsonNode body)
    {
        if (body is not JsonObject e) throw new ValidationException("body", "expected an OpenLineage event, a JSON object");
        var eventTime = Time(e, "eventTime");
        var producer = OptionalText(e, "producer");
        if (e.ContainsKey("run"))
        {
            var type = Text(e, "eventType", "eventType").ToUpperInvariant();
            if (!EventTypes.Contains(type))
                throw new ValidationException("eventType", $"'{type}' is not one of {string.Join(", ", EventTypes)}");
            var run = Object(e, "run", "run");
            var runId = Text(run, "runId", "run.runId");
            return new RunEvent(eventTime, producer, e, type, new OpenLineageRun(runId, Facets(run, "run.facets")), Job(e),
                Datasets(e, "inputs", "inputFacets"), Datasets(e, "outputs", "outputFacets"));
        }
        if (e.ContainsKey("dataset"))
            return new DatasetEvent(eventTime, producer, e, Dataset(Object(e, "dataset", "dataset"), "dataset", null));
        return new JobEvent(eventTime, producer, e, Job(e), Datasets(e, "inputs", "inputFacets"), Datasets(e, "outputs", "outputFacets"));
    }

    private static OpenLineageJob Job(JsonObject e)
    {
        var job = e["job"] is null ? throw new ValidationException("job", "required field is missing") : Object(e, "job", "job");
        return new OpenLineageJob(Text(job, "namespace", "job.namespace"), Text(job, "name", "job.name"), Facets(job, "job.facets"));
    }

    private static List<OpenLineageDataset> Datasets(JsonObject e, string name, string ioFacets) => e[name] switch
    {
        null => [],
        JsonArray items => [.. items.Select((item, i) => item is JsonObject d
            ? Dataset(d, $"{name}[{i}]", ioFacets)
            : throw new ValidationException($"{name}[{i}]", "expected a dataset, a JSON object"))],
        _ => throw new ValidationException(name, "expected an array of datasets"),
    };

    private static OpenLineageDataset Dataset(JsonObject d, string path, string? ioFacets) => new(
        Text(d, "namespace", $"{path}.namespace"), Text(d, "name", $"{path}.name"), Facets(d, $"{path}.facets"),
        ioFacets is null ? [] : Facets(d, $"{path}.{ioFacets}", ioFacets));

    /// <summary>A facets object; facets are kept as sent, whatever their shape inside.</summary>
    private static JsonObject Facets(JsonObject owner, string path, string name = "facets") => owner[name] switch
    {
        null => [],
        JsonObject facets => facets,
        _ => throw new ValidationException(path, "expected an object of facets"),
    };

    private static DateTimeOffset Time(JsonObject e, string name)
    {
        var text = Text(e, name, name);
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : throw new ValidationException(name, $"'{text}' is not an ISO 8601 date and time");
    }

    private static JsonObject Object(JsonObject owner, string name, string path) =>
        owner[name] as JsonObject ?? throw new ValidationException(path, owner[name] is null ? "required field is missing" : "expected a JSON object");

    private static string Text(JsonObject owner, string name, string path) => owner[name] switch
    {
        null => throw new ValidationException(path, "required field is missing"),
        JsonValue v when v.TryGetValue<string>(out var s) && s.Length > 0 => s,
        JsonValue v when v.TryGetValue<string>(out _) => throw new ValidationException(path, "must not be empty"),
        _ => throw new ValidationException(path, "expected a string"),
    };

    private static string? OptionalText(JsonObject owner, string name) =>
        owner[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
