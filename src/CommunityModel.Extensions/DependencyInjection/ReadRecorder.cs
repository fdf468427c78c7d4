using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Primitives;

namespace CommunityModel.DependencyInjection;

/// <summary>
/// A view of a configuration section that records every key a reader uses: asked for by name (<c>section["X"]</c>,
/// <c>GetSection("X")</c>), or enumerated and then read (the items of a list or dictionary). After a reader has run
/// over it, every key present in the configuration but never used is one the library does not know.
/// </summary>
/// <remarks>
/// Enumerating children alone does not count as using them: <c>section.Exists()</c> and the binder's "has children"
/// test enumerate without reading, and a misspelt key must not hide behind them.
/// </remarks>
internal sealed class ReadRecorder : IConfigurationSection
{
    private readonly IConfiguration _inner;
    private readonly string _relativePath;
    private readonly HashSet<string> _used;

    public ReadRecorder(IConfiguration inner)
        : this(inner, string.Empty, new HashSet<string>(StringComparer.OrdinalIgnoreCase))
    {
    }

    private ReadRecorder(IConfiguration inner, string relativePath, HashSet<string> used)
    {
        _inner = inner;
        _relativePath = relativePath;
        _used = used;
    }

    /// <summary>The keys used, relative to the recorded section (<c>Tiers:0:Price</c>), case-insensitive.</summary>
    public IReadOnlySet<string> Used => _used;

    public string? this[string key]
    {
        get
        {
            Use(Child(key));
            return _inner[key];
        }
        set => _inner[key] = value;
    }

    public string Key => (_inner as IConfigurationSection)?.Key ?? string.Empty;

    public string Path => (_inner as IConfigurationSection)?.Path ?? string.Empty;

    public string? Value
    {
        get
        {
            Use(_relativePath);
            return (_inner as IConfigurationSection)?.Value;
        }
        set
        {
            if (_inner is IConfigurationSection section)
            {
                section.Value = value;
            }
        }
    }

    public IConfigurationSection GetSection(string key)
    {
        var path = Child(key);
        Use(path);
        return new ReadRecorder(_inner.GetSection(key), path, _used);
    }

    public IEnumerable<IConfigurationSection> GetChildren() =>
        _inner.GetChildren().Select(c => (IConfigurationSection)new EnumeratedChild(new ReadRecorder(c, Child(c.Key), _used)));

    public IChangeToken GetReloadToken() => _inner.GetReloadToken();

    private string Child(string key) => _relativePath.Length == 0 ? key : _relativePath + ConfigurationPath.KeyDelimiter + key;

    private void Use(string path)
    {
        // A key under a used key makes every key above it used too.
        while (path.Length > 0 && _used.Add(path))
        {
            var cut = path.LastIndexOf(':');
            path = cut < 0 ? string.Empty : path[..cut];
        }
    }

    /// <summary>A child handed out by enumeration: used once it is read (its value, a key under it or its children), not before.</summary>
    private sealed class EnumeratedChild(ReadRecorder child) : IConfigurationSection
    {
        public string? this[string key] { get => child[key]; set => child[key] = value; }

        public string Key => child.Key;

        public string Path => child.Path;

        public string? Value { get => child.Value; set => child.Value = value; }

        public IConfigurationSection GetSection(string key) => child.GetSection(key);

        public IEnumerable<IConfigurationSection> GetChildren()
        {
            child.Use(child._relativePath);
            return child.GetChildren();
        }

        public IChangeToken GetReloadToken() => child.GetReloadToken();
    }
}
