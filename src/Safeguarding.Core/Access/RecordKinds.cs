namespace Safeguarding.Core.Access;

/// <summary>A record that only named people may open without breaking glass.</summary>
public interface IRestrictedRecord
{
    bool IsRestricted { get; }
}

/// <summary>A record held by one agency (an agency information return, a Section 11 submission).</summary>
public interface IAgencyHeldRecord
{
    Guid AgencyId { get; }
}
