using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace CommunityModel.DependencyInjection;

/// <summary>
/// Fails start-up on a key under a library section that no setting reads — <c>Community:Memberships:CoolingOfDays</c>
/// would otherwise leave the default cooling-off period in force without a word — naming the key and the nearest
/// valid one: <c>Community:Memberships:CoolingOfDays is not a setting; did you mean Community:Memberships:CoolingOffDays?</c>
/// </summary>
/// <remarks>
/// The valid keys are the ones the options' own reader asks for: the reader runs once more over a recording view of
/// the section (<see cref="ReadRecorder"/>) into a throw-away instance, so the check can never disagree with the
/// binding it guards, and needs no reflection (AOT- and trim-clean).
/// </remarks>
/// <typeparam name="TOptions">The options bound from the section.</typeparam>
internal class UnknownKeysValidator<TOptions> : IValidateOptions<TOptions>
    where TOptions : class
{
    private readonly IConfiguration _section;
    private readonly Func<TOptions> _create;
    private readonly Action<IConfiguration, TOptions> _read;
    private readonly HashSet<string> _checkedElsewhere;

    /// <summary>Creates the check.</summary>
    /// <param name="section">The section the options are bound from.</param>
    /// <param name="create">Creates a throw-away instance to read into.</param>
    /// <param name="read">The options' reader, the same one that binds them.</param>
    /// <param name="checkedElsewhere">Sub-sections whose keys another options type reads and checks (e.g. <c>Memberships</c> under <c>Community</c>).</param>
    public UnknownKeysValidator(IConfiguration section, Func<TOptions> create, Action<IConfiguration, TOptions> read, IEnumerable<string>? checkedElsewhere = null)
    {
        _section = section;
        _create = create;
        _read = read;
        _checkedElsewhere = new HashSet<string>(checkedElsewhere ?? [], StringComparer.OrdinalIgnoreCase);
    }

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var recorder = new ReadRecorder(_section);
        try
        {
            _read(recorder, _create());
        }
        catch (OptionsValidationException)
        {
            // Values that cannot be read fail the binding itself, naming them; the keys read before are still checked.
        }

        var failures = new List<string>();
        Walk(_section, string.Empty, recorder.Used, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private void Walk(IConfiguration node, string relativePath, IReadOnlySet<string> used, List<string> failures)
    {
        foreach (var child in node.GetChildren())
        {
            var path = relativePath.Length == 0 ? child.Key : relativePath + ConfigurationPath.KeyDelimiter + child.Key;
            if (_checkedElsewhere.Contains(path))
            {
                continue;
            }

            if (used.Contains(path))
            {
                Walk(child, path, used, failures);
                continue;
            }

            var siblings = used.Where(u => Parent(u).Equals(relativePath, StringComparison.OrdinalIgnoreCase)).Select(Leaf)
                .Concat(relativePath.Length == 0 ? _checkedElsewhere : [])
                .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            failures.Add(Describe(child.Path, child.Key, siblings));
        }
    }

    internal static string Describe(string fullPath, string key, IReadOnlyCollection<string> validKeys)
    {
        var parent = Parent(fullPath);
        var prefix = parent.Length == 0 ? string.Empty : parent + ConfigurationPath.KeyDelimiter;
        var nearest = validKeys.Select(k => (Key: k, Distance: Distance(key, k))).OrderBy(k => k.Distance).ThenBy(k => k.Key, StringComparer.Ordinal).FirstOrDefault();
        if (nearest.Key is not null && nearest.Distance <= Math.Max(2, key.Length / 3))
        {
            return $"{fullPath} is not a setting; did you mean {prefix}{nearest.Key}?";
        }

        return validKeys.Count == 0
            ? $"{fullPath} is not a setting; {(parent.Length == 0 ? "this section" : parent)} takes no keys."
            : $"{fullPath} is not a setting; the settings here are {string.Join(", ", validKeys.Order(StringComparer.Ordinal))}.";
    }

    private static string Parent(string path)
    {
        var cut = path.LastIndexOf(':');
        return cut < 0 ? string.Empty : path[..cut];
    }

    private static string Leaf(string path) => path[(path.LastIndexOf(':') + 1)..];

    /// <summary>The edit distance between two keys, ignoring case.</summary>
    internal static int Distance(string a, string b)
    {
        a = a.ToUpperInvariant();
        b = b.ToUpperInvariant();
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
