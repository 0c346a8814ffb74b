namespace Safeguarding.Core.Data;

/// <summary>Keys that protect cookies and tokens, kept in the database so every web node shares them.</summary>
public sealed class DataProtectionKeyRecord
{
    public int Id { get; set; }
    public required string FriendlyName { get; set; }
    public required string Xml { get; set; }
}
