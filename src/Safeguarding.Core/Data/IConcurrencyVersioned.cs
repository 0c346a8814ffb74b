namespace Safeguarding.Core.Data;

/// <summary>
/// A record two people might edit at once. The version goes up on every save; a save based on an
/// older version fails with a concurrency error the page turns into "this was changed by someone else".
/// </summary>
public interface IConcurrencyVersioned
{
    long Version { get; set; }
}
