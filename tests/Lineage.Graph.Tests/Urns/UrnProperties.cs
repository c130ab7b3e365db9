using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Lineage.Graph.Urns;

namespace Lineage.Graph.Tests.Urns;

public sealed class UrnProperties
{
    // Biased towards the characters the escaping and the tuple parser care about, plus any char at all.
    private static readonly Gen<char> PartChar = Gen.Frequency(
        (5, Gen.Elements("abcXYZ019_-./@ ".ToCharArray())),
        (4, Gen.Elements(",()%:2C89".ToCharArray())),
        (1, ArbMap.Default.GeneratorFor<char>()));

    private static readonly Gen<string> PartText = Gen.ArrayOf(PartChar)
        .Select(chars => new string(chars))
        .Where(IsBuildable);

    private static readonly Gen<string> Origin = Gen.Elements(FabricType.All.ToArray());

    private static readonly string[] ValidUrns =
    [
        "urn:li:mlFeature:(my-feature-table,my-feature)",
        "urn:li:mlModelGroup:(urn:li:dataPlatform:mlflow,recommendation-models,PROD)",
        "urn:li:dataJob:(urn:li:dataFlow:(airflow,train_recommendation_model,PROD),training_task)",
        "urn:li:schemaField:(urn:li:dataset:(urn:li:dataPlatform:hive,a%2Cb,PROD),f(x))",
        "urn:li:corpuser:foo:bar",
        "urn:li:tag:a%28b",
    ];

    [Property]
    public Property an_ml_model_group_built_from_any_parts_parses_back_to_the_same_text_and_parts() =>
        Prop.ForAll(
            (from p in PartText from n in PartText from o in Origin select (p, n, o)).ToArbitrary(),
            t =>
            {
                var (platform, name, origin) = t;
                var built = UrnBuilders.MlModelGroup(platform, name, origin).ToString();
                var parsed = Urn.Parse(built);
                return parsed.ToString() == built
                    && parsed.PlatformName == platform
                    && parsed.Name == name
                    && parsed.Origin == origin;
            });

    [Property]
    public Property a_data_job_built_from_any_parts_parses_back_with_its_flow_parts_decoded() =>
        Prop.ForAll(
            (from o in PartText from f in PartText from c in PartText from j in PartText select (o, f, c, j)).ToArbitrary(),
            t =>
            {
                var (orchestrator, flowId, cluster, jobId) = t;
                var built = UrnBuilders.DataJob(UrnBuilders.DataFlow(orchestrator, flowId, cluster), jobId).ToString();
                var parsed = Urn.Parse(built);
                return parsed.ToString() == built
                    && parsed.Job == jobId
                    && parsed.Flow!.Parts.SequenceEqual([orchestrator, flowId, cluster]);
            });

    [Property]
    public Property single_part_and_feature_urns_built_from_any_parts_decode_back_to_their_inputs() =>
        Prop.ForAll(
            (from a in PartText from b in PartText select (a, b)).ToArbitrary(),
            t =>
            {
                var (a, b) = t;
                var tag = UrnBuilders.Tag(a).ToString();
                var feature = UrnBuilders.MlFeature(a, b).ToString();
                var field = UrnBuilders.SchemaField(UrnBuilders.Dataset(a, b), a).ToString();
                return Urn.Parse(tag).ToString() == tag && Urn.Parse(tag).Parts.SequenceEqual([a])
                    && Urn.Parse(feature).ToString() == feature && Urn.Parse(feature).Parts.SequenceEqual([a, b])
                    && Urn.Parse(field).ToString() == field && Urn.Parse(field).Name == a;
            });

    [Property]
    public Property every_builder_makes_an_urn_that_prints_back_unchanged_decodes_to_its_parts_and_has_its_key_aspect() =>
        Prop.ForAll(
            (from a in PartText from b in PartText from o in Origin select (a, b, o)).ToArbitrary(),
            t =>
            {
                var (a, b, origin) = t;
                // entity type, the urn built, and the parts it must decode to (platform, name, origin or the plain parts)
                (string Type, Urn Urn, Func<Urn, bool> Decodes)[] built =
                [
                    ("mlModel", UrnBuilders.MlModel(a, b, origin), u => u.PlatformName == a && u.Name == b && u.Origin == origin),
                    ("mlModelGroup", UrnBuilders.MlModelGroup(a, b, origin), u => u.PlatformName == a && u.Name == b && u.Origin == origin),
                    ("mlModelDeployment", UrnBuilders.MlModelDeployment(a, b, origin), u => u.PlatformName == a && u.Name == b && u.Origin == origin),
                    ("dataset", UrnBuilders.Dataset(a, b, origin), u => u.PlatformName == a && u.Name == b && u.Origin == origin),
                    ("mlFeatureTable", UrnBuilders.MlFeatureTable(a, b), u => u.PlatformName == a && u.Name == b),
                    ("mlFeature", UrnBuilders.MlFeature(a, b), u => u.Parts.SequenceEqual([a, b])),
                    ("mlPrimaryKey", UrnBuilders.MlPrimaryKey(a, b), u => u.Parts.SequenceEqual([a, b])),
                    ("dataFlow", UrnBuilders.DataFlow(a, b, origin), u => u.Parts.SequenceEqual([a, b, origin])),
                    ("dataProcessInstance", UrnBuilders.DataProcessInstance(a), u => u.Parts.SequenceEqual([a])),
                    ("corpuser", UrnBuilders.CorpUser(a), u => u.Parts.SequenceEqual([a])),
                    ("corpGroup", UrnBuilders.CorpGroup(a), u => u.Parts.SequenceEqual([a])),
                    ("tag", UrnBuilders.Tag(a), u => u.Parts.SequenceEqual([a])),
                    ("glossaryTerm", UrnBuilders.GlossaryTerm(a), u => u.Parts.SequenceEqual([a])),
                    ("domain", UrnBuilders.Domain(a), u => u.Parts.SequenceEqual([a])),
                    ("container", UrnBuilders.Container(a), u => u.Parts.SequenceEqual([a])),
                ];
                return built.All(x =>
                {
                    var text = x.Urn.ToString();
                    var parsed = Urn.Parse(text);
                    return parsed.ToString() == text
                        && parsed.EntityType == x.Type
                        && x.Decodes(parsed)
                        && Urn.FromKeyAspect(x.Type, parsed.KeyAspect()) == parsed;
                }).Label(string.Join(" ", built.Select(x => x.Urn.ToString())));
            });

    [Property]
    public Property a_built_urns_key_aspect_turns_back_into_the_same_urn() =>
        Prop.ForAll(
            (from p in PartText from n in PartText from o in Origin select (p, n, o)).ToArbitrary(),
            t =>
            {
                var (platform, name, origin) = t;
                var urn = UrnBuilders.Dataset(platform, name, origin);
                return Urn.FromKeyAspect("dataset", urn.KeyAspect()) == urn && urn.MatchesKeyAspect(urn.KeyAspect());
            });

    [Property(MaxTest = 500)]
    public Property try_parse_never_throws_and_what_it_accepts_prints_back_unchanged() =>
        Prop.ForAll(
            Gen.OneOf(ArbMap.Default.GeneratorFor<string>().Where(s => s is not null), Mutated).ToArbitrary(),
            text =>
            {
                if (!Urn.TryParse(text, out var urn, out var error))
                {
                    return error is { Length: > 0 };
                }

                return urn.ToString() == text && Urn.Parse(text).ToString() == text;
            });

    // Valid URNs with a character inserted or removed: close enough to valid that both outcomes of
    // TryParse are exercised, which arbitrary strings almost never are.
    private static Gen<string> Mutated =>
        from urn in Gen.Elements(ValidUrns)
        from at in Gen.Choose(0, urn.Length - 1)
        from insert in Gen.Elements("(),: %\tx".ToCharArray())
        from remove in ArbMap.Default.GeneratorFor<bool>()
        select remove ? urn.Remove(at, 1) : urn.Insert(at, insert.ToString());

    // What a builder accepts and can round-trip. Besides what Parse rejects (edge whitespace, control
    // characters, unpaired surrogates, U+241F), this leaves out literal "%2C", "%28" and "%29": decoding
    // would turn them into "," "(" ")", and DataHub's encoders do not escape '%' either, so such text
    // cannot round-trip there. It also leaves out "urn:" prefixes, which the builders read as URNs.
    private static bool IsBuildable(string s) =>
        s.Length > 0
        && !char.IsWhiteSpace(s[0]) && !char.IsWhiteSpace(s[^1])
        && !s.Any(c => char.IsControl(c) || char.IsSurrogate(c) || (char.IsWhiteSpace(c) && c != ' ') || c == '\u241F')
        && !s.Contains("%2C", StringComparison.Ordinal)
        && !s.Contains("%28", StringComparison.Ordinal)
        && !s.Contains("%29", StringComparison.Ordinal)
        && !s.StartsWith("urn:", StringComparison.Ordinal);
}
