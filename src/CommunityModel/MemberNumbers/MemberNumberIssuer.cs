using System.Collections.Frozen;
using System.Globalization;
using CommunityModel.Validation;
using CommunityModel.Lifecycle;
using Microsoft.Extensions.Options;

namespace CommunityModel.MemberNumbers;

/// <summary>
/// Hands out member numbers (会员编号) like <c>KA-000123</c>: a deterministic sequence per prefix that never
/// repeats, also across threads, and resumes from the last numbers an integrator stored. Register it as a
/// singleton (one issuer per numbering); <see cref="Resume(string)"/> it from storage at start-up.
/// </summary>
public sealed class MemberNumberIssuer
{
    private readonly FrozenDictionary<string, string> _prefixByCategory;
    private readonly FrozenDictionary<string, Sequence> _sequences;
    private readonly string _separator;
    private readonly int _width;
    private readonly long _maximum;

    /// <summary>Creates the issuer from validated options (the constructor DI uses).</summary>
    /// <param name="options">The scheme.</param>
    public MemberNumberIssuer(IOptions<MemberNumberOptions> options)
        : this(options?.Value!)
    {
    }

    /// <summary>Creates the issuer from options built in code; every sequence starts at 1.</summary>
    /// <param name="options">The scheme.</param>
    /// <exception cref="OptionsValidationException">The options are invalid; the message names every bad value.</exception>
    public MemberNumberIssuer(MemberNumberOptions options)
    {
        OptionsValidation.Require(options, new MemberNumberOptionsValidator());
        _prefixByCategory = options.Prefixes.ToFrozenDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);
        _sequences = options.Prefixes.Values.Distinct(StringComparer.Ordinal).ToFrozenDictionary(p => p, _ => new Sequence(), StringComparer.Ordinal);
        _separator = options.Separator;
        _width = options.SequenceWidth;
        _maximum = (long)Math.Pow(10, _width) - 1;
    }

    /// <summary>Issues the next number of a category's prefix.</summary>
    /// <param name="category">A configured tier or stage, e.g. <c>KA</c> (case-insensitive).</param>
    /// <returns>A number no call has returned before.</returns>
    /// <exception cref="InvalidMemberNumberException">The category has no prefix.</exception>
    /// <exception cref="MemberNumberExhaustedException">The prefix has used every number of the width.</exception>
    public MemberNumber Issue(string category)
    {
        ArgumentNullException.ThrowIfNull(category);
        var prefix = PrefixOf(category);
        var sequence = _sequences[prefix].Next(_maximum) ?? throw new MemberNumberExhaustedException(prefix, _maximum);
        return Create(prefix, sequence);
    }

    /// <summary>Issues the next number of a lifecycle stage's prefix (its category is the stage's name, e.g. <c>Partner</c>).</summary>
    /// <param name="stage">The stage.</param>
    /// <returns>A number no call has returned before.</returns>
    /// <exception cref="InvalidMemberNumberException">The stage has no prefix.</exception>
    /// <exception cref="MemberNumberExhaustedException">The prefix has used every number of the width.</exception>
    public MemberNumber Issue(LifecycleStage stage) => Issue(stage.ToString());

    /// <summary>Makes sure no number at or below <paramref name="lastIssued"/> is issued again (resume after a restart).</summary>
    /// <param name="lastIssued">The last number the integrator stored for a prefix, e.g. <c>KA-000123</c>.</param>
    /// <returns>The parsed number.</returns>
    /// <exception cref="InvalidMemberNumberException">The text does not fit the scheme.</exception>
    public MemberNumber Resume(string lastIssued)
    {
        var number = Parse(lastIssued);
        _sequences[number.Prefix].AtLeast(number.Sequence);
        return number;
    }

    /// <summary>The last sequence issued (or resumed) for a prefix; 0 when none.</summary>
    /// <param name="prefix">A configured prefix.</param>
    /// <returns>The sequence.</returns>
    /// <exception cref="InvalidMemberNumberException">The prefix is not configured.</exception>
    public long LastIssued(string prefix) =>
        _sequences.TryGetValue(prefix, out var sequence) ? sequence.Last : throw new InvalidMemberNumberException(prefix, "no category uses this prefix");

    /// <summary>Reads a member number of this scheme.</summary>
    /// <param name="text">e.g. <c>KA-000123</c>.</param>
    /// <returns>The number.</returns>
    /// <exception cref="InvalidMemberNumberException">The text does not fit the scheme; the message says how.</exception>
    public MemberNumber Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var number, out var problem) ? number : throw new InvalidMemberNumberException(text, problem);
    }

    /// <summary>Tries to read a member number of this scheme.</summary>
    /// <param name="text">e.g. <c>KA-000123</c>.</param>
    /// <param name="number">The number when the text fits.</param>
    /// <returns>Whether the text fits the scheme.</returns>
    public bool TryParse(string? text, out MemberNumber number) => TryParse(text, out number, out _);

    private bool TryParse(string? text, out MemberNumber number, out string problem)
    {
        number = default;
        if (string.IsNullOrEmpty(text) || text.Length <= _width + _separator.Length)
        {
            problem = $"it is shorter than a prefix, '{_separator}' and {_width} digits";
            return false;
        }

        var digits = text.AsSpan(text.Length - _width);
        var head = text.AsSpan(0, text.Length - _width);
        if (!head.EndsWith(_separator, StringComparison.Ordinal))
        {
            problem = $"the prefix and the {_width} digits are not separated by '{_separator}'";
            return false;
        }

        var prefix = head[..^_separator.Length].ToString();
        if (!_sequences.ContainsKey(prefix))
        {
            problem = $"'{prefix}' is not a configured prefix";
            return false;
        }

        if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) || sequence < 1)
        {
            problem = $"the last {_width} characters are not a positive sequence";
            return false;
        }

        number = Create(prefix, sequence);
        problem = string.Empty;
        return true;
    }

    private string PrefixOf(string category) =>
        _prefixByCategory.TryGetValue(category, out var prefix)
            ? prefix
            : throw new InvalidMemberNumberException(category, $"no prefix is configured for this category (configured: {string.Join(", ", _prefixByCategory.Keys.Order(StringComparer.Ordinal))})");

    private MemberNumber Create(string prefix, long sequence) =>
        new(prefix, sequence, string.Concat(prefix, _separator, sequence.ToString(new string('0', _width), CultureInfo.InvariantCulture)));

    /// <summary>One prefix's counter: lock-free, never moves past the width's maximum, never moves back.</summary>
    private sealed class Sequence
    {
        private long _last;

        public long Last => Volatile.Read(ref _last);

        public long? Next(long maximum)
        {
            while (true)
            {
                var last = Volatile.Read(ref _last);
                if (last >= maximum)
                {
                    return null;
                }

                if (Interlocked.CompareExchange(ref _last, last + 1, last) == last)
                {
                    return last + 1;
                }
            }
        }

        public void AtLeast(long issued)
        {
            while (true)
            {
                var last = Volatile.Read(ref _last);
                if (last >= issued || Interlocked.CompareExchange(ref _last, issued, last) == last)
                {
                    return;
                }
            }
        }
    }
}
