using System.Text.Json.Serialization;
using Affiliates.Programs;

namespace Affiliates.AspNetCore;

/// <summary>What a conversion did.</summary>
/// <param name="Outcome">Bound, replaced, unchanged, or why not (as the engine's <see cref="BindOutcome"/> name).</param>
/// <param name="Code">The code the user is bound to afterwards, if any.</param>
/// <param name="IsBound">Whether the user is bound as asked.</param>
public sealed record ConversionResponse(
    [property: JsonConverter(typeof(JsonStringEnumConverter<BindOutcome>))] BindOutcome Outcome,
    string? Code,
    bool IsBound);
