using System.Text.Json.Nodes;

namespace Lineage.Graph.Writing.Patch;

/// <summary>
/// DataHub's <c>FormsTemplate</c> and <c>FormAssociationTemplate</c>: a patch rarely knows whether a form (or a
/// prompt) is complete yet, so <c>incompleteForms</c> and <c>completedForms</c> become one <c>forms</c> map keyed by
/// form urn, each form's <c>incompletePrompts</c> and <c>completedPrompts</c> one <c>prompts</c> map keyed by prompt id,
/// with an <c>isComplete</c> flag on each; after the patch the flag sorts them back into the two lists.
/// <c>verifications</c> is keyed by form. Paths look like <c>/forms/&lt;form&gt;/prompts/&lt;id&gt;</c>.
/// </summary>
internal static class FormsKeying
{
    private const string IsComplete = "isComplete";
    private static readonly KeyedArray Forms = new("forms", "urn");
    private static readonly KeyedArray Prompts = new("prompts", "id");
    private static readonly KeyedArray Verifications = new("verifications", "form");

    public static void ToMap(JsonObject aspect)
    {
        var forms = new JsonObject();
        foreach (var (list, complete) in new[] { ("incompleteForms", false), ("completedForms", true) })
        {
            foreach (var form in (aspect[list] as JsonArray ?? []).OfType<JsonObject>().Select(f => f.DeepClone().AsObject()))
            {
                form[IsComplete] = complete;
                form["prompts"] = Combine(form, "incompletePrompts", "completedPrompts", "id");
                forms[KeyedArrays.KeyOf(form, "urn")] = form;
            }
            aspect.Remove(list);
        }
        aspect["forms"] = forms;
        if (aspect.ContainsKey("verifications")) KeyedArrays.ToMap(aspect, Verifications);
    }

    public static void ToArray(JsonObject aspect)
    {
        KeyedArrays.ToArray(aspect, Forms);
        var (incomplete, completed) = Split(aspect["forms"]!.AsArray(), form =>
        {
            KeyedArrays.ToArray(form, Prompts);
            var (incompletePrompts, completedPrompts) = Split(form["prompts"]!.AsArray(), _ => { });
            form.Remove("prompts");
            form["incompletePrompts"] = incompletePrompts;
            form["completedPrompts"] = completedPrompts;
        });
        aspect.Remove("forms");
        aspect["incompleteForms"] = incomplete;
        aspect["completedForms"] = completed;
        if (aspect.ContainsKey("verifications")) KeyedArrays.ToArray(aspect, Verifications);
    }

    /// <summary>The two lists of <paramref name="owner"/> as one map by <paramref name="key"/>, each entry flagged.</summary>
    private static JsonObject Combine(JsonObject owner, string incompleteList, string completedList, string key)
    {
        var map = new JsonObject();
        foreach (var (list, complete) in new[] { (incompleteList, false), (completedList, true) })
        {
            foreach (var item in (owner[list] as JsonArray ?? []).OfType<JsonObject>().Select(i => i.DeepClone().AsObject()))
            {
                item[IsComplete] = complete;
                map[KeyedArrays.KeyOf(item, key)] = item;
            }
            owner.Remove(list);
        }
        return map;
    }

    /// <summary>
    /// Sorts elements by their flag, which is then dropped. DataHub fails on an element without the flag; Lineage
    /// counts it as incomplete (an add that names a form or prompt not yet stored, without saying).
    /// </summary>
    private static (JsonArray Incomplete, JsonArray Completed) Split(JsonArray elements, Action<JsonObject> each)
    {
        JsonArray incomplete = [], completed = [];
        foreach (var element in elements.OfType<JsonObject>().Select(e => e.DeepClone().AsObject()))
        {
            var complete = element[IsComplete] is JsonValue v && v.TryGetValue<bool>(out var b) && b;
            element.Remove(IsComplete);
            each(element);
            (complete ? completed : incomplete).Add(element);
        }
        return (incomplete, completed);
    }
}
