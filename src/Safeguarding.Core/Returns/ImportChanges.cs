namespace Safeguarding.Core.Returns;

/// <summary>How the returns' imports change a record only where the file differs, and count a record changed once.</summary>
internal static class ImportChanges
{
    /// <summary>Sets the value when it differs; true when it did.</summary>
    public static bool Set<T>(T current, T value, Action<T> set)
    {
        if (EqualityComparer<T>.Default.Equals(current, value))
        {
            return false;
        }

        set(value);
        return true;
    }

    /// <summary>1 when any field of a record that was already there changed (a record counts once however many fields moved).</summary>
    public static int Changed(bool isNew, params bool[] changes) => !isNew && changes.Any(c => c) ? 1 : 0;
}
