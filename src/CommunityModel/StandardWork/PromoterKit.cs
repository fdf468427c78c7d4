using System.Collections.Immutable;

namespace CommunityModel.StandardWork;

/// <summary>
/// A promoter's kit (推广员资料包): the platform introduction, the comparison, the app guide and the Q&amp;A scripts (话术)
/// a promoter uses one to one, as data, so that anyone with spare time can start promoting at once (seed 002). Built
/// once from its options and immutable; every material is checked when the kit is built.
/// </summary>
public sealed class PromoterKit
{
    private readonly ImmutableDictionary<string, PromoterMaterial> _byId;

    /// <summary>Builds the kit.</summary>
    /// <param name="materials">The materials, in the order promoters see them.</param>
    /// <exception cref="StandardWorkException">A material has no id, title or text, an id is repeated or a kind is unknown (<see cref="ErrorCodes.StandardWorkInvalidOptions"/>; every problem named).</exception>
    public PromoterKit(IEnumerable<PromoterMaterialOptions> materials)
    {
        ArgumentNullException.ThrowIfNull(materials);
        var list = materials.ToList();
        var problems = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < list.Count; i++)
        {
            var m = list[i];
            if (string.IsNullOrWhiteSpace(m.Id) || string.IsNullOrWhiteSpace(m.Title) || string.IsNullOrWhiteSpace(m.Text))
            {
                problems.Add($"Materials:{i} needs an id, a title and a text.");
            }
            else if (!seen.Add(m.Id.Trim()))
            {
                problems.Add($"Materials:{i} repeats the id '{m.Id.Trim()}'.");
            }

            if (!Enum.IsDefined(m.Kind))
            {
                problems.Add($"Materials:{i}:Kind is {m.Kind}; it must be {string.Join(", ", Enum.GetNames<MaterialKind>())}.");
            }
        }

        if (problems.Count > 0)
        {
            throw new StandardWorkException(ErrorCodes.StandardWorkInvalidOptions, "The promoter kit is invalid: " + string.Join(" ", problems));
        }

        Materials = [.. list.Select(m => new PromoterMaterial(m.Id.Trim(), m.Kind, m.Title.Trim(), m.Text.Trim()))];
        _byId = Materials.ToImmutableDictionary(m => m.Id, StringComparer.Ordinal);
    }

    /// <summary>Every material, in the order configured.</summary>
    public ImmutableArray<PromoterMaterial> Materials { get; }

    /// <summary>One material.</summary>
    /// <param name="id">Its id.</param>
    /// <returns>The material.</returns>
    /// <exception cref="StandardWorkException">No material has the id (<see cref="ErrorCodes.StandardWorkUnknownMaterial"/>).</exception>
    public PromoterMaterial this[string id] =>
        _byId.TryGetValue(id ?? throw new ArgumentNullException(nameof(id)), out var material)
            ? material
            : throw new StandardWorkException(ErrorCodes.StandardWorkUnknownMaterial, $"No material '{id}' in the kit ({string.Join(", ", _byId.Keys.Order(StringComparer.Ordinal))}).", "Id");

    /// <summary>The materials of one kind, in the order configured.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The materials; empty when the kit has none of that kind.</returns>
    public ImmutableArray<PromoterMaterial> OfKind(MaterialKind kind) => [.. Materials.Where(m => m.Kind == kind)];
}
