using System.Collections.Immutable;

namespace CommunityModel;

/// <summary>
/// The result of every <c>TryXxx</c> operation of the library: the value when it succeeded, or every reason it
/// was refused. A refusal changes nothing; <see cref="GetValueOrThrow"/> turns it into the part's typed error.
/// </summary>
/// <typeparam name="T">What the operation produces, e.g. a membership change or an event to store.</typeparam>
public readonly struct Attempt<T>
{
    private readonly T _value;
    private readonly ImmutableArray<Refusal> _refusals;
    private readonly Func<ImmutableArray<Refusal>, CommunityModelException>? _error;

    private Attempt(T value, bool succeeded, ImmutableArray<Refusal> refusals, Func<ImmutableArray<Refusal>, CommunityModelException>? error)
    {
        _value = value;
        Succeeded = succeeded;
        _refusals = refusals;
        _error = error;
    }

    /// <summary>Whether the operation succeeded.</summary>
    public bool Succeeded { get; }

    /// <summary>The value.</summary>
    /// <exception cref="InvalidOperationException">The operation was refused; check <see cref="Succeeded"/> first.</exception>
    public T Value => Succeeded ? _value : throw new InvalidOperationException($"The operation was refused ({Describe()}); check Succeeded first.");

    /// <summary>The code of the first refusal, as the error of <see cref="GetValueOrThrow"/> would carry it; <see langword="null"/> when it succeeded.</summary>
    public string? ErrorCode => _refusals.IsDefaultOrEmpty ? null : _refusals[0].Code;

    /// <summary>Every reason the operation was refused, in the order found; empty when it succeeded.</summary>
    public ImmutableArray<Refusal> Refusals => _refusals.IsDefault ? [] : _refusals;

    /// <summary>An attempt that succeeded.</summary>
    /// <param name="value">What the operation produced.</param>
    /// <returns>The attempt.</returns>
    public static Attempt<T> Success(T value) => new(value, true, [], null);

    /// <summary>An attempt that was refused.</summary>
    /// <param name="refusals">Every reason, at least one.</param>
    /// <param name="error">Makes the part's typed error from the refusals, for <see cref="GetValueOrThrow"/>.</param>
    /// <returns>The attempt.</returns>
    /// <exception cref="ArgumentException">No refusal is given.</exception>
    public static Attempt<T> Refused(ImmutableArray<Refusal> refusals, Func<ImmutableArray<Refusal>, CommunityModelException> error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return refusals.IsDefaultOrEmpty
            ? throw new ArgumentException("A refused attempt needs at least one refusal.", nameof(refusals))
            : new(default!, false, refusals, error);
    }

    /// <summary>The value, or the part's typed error (a <see cref="CommunityModelException"/>) naming every refusal.</summary>
    /// <returns>The value.</returns>
    /// <exception cref="CommunityModelException">The operation was refused; <see cref="CommunityModelException.Refusals"/> are this attempt's.</exception>
    /// <exception cref="InvalidOperationException">The attempt is <see langword="default"/>: it holds neither a value nor refusals.</exception>
    public T GetValueOrThrow() =>
        Succeeded ? _value
        : _error is null ? throw new InvalidOperationException("A default Attempt holds neither a value nor refusals.")
        : throw _error(_refusals);

    private string Describe() => _refusals.IsDefaultOrEmpty ? "no refusals: a default Attempt" : string.Join(", ", _refusals.Select(r => r.Code));
}
