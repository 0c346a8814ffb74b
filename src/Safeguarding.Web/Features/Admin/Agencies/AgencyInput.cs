using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Data;

namespace Safeguarding.Web.Features.Admin.Agencies;

/// <summary>The agency form shared by the add and change pages.</summary>
public sealed class AgencyInput
{
    [Required(ErrorMessage = "Enter the agency's name")]
    [StringLength(200, ErrorMessage = "Name must be 200 characters or fewer")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Select the type of agency")]
    public AgencyType? Type { get; set; }

    public Guid? LocalityId { get; set; }

    [StringLength(40, ErrorMessage = "Reference must be 40 characters or fewer")]
    public string? Reference { get; set; }

    [RegularExpression(@"^\s*[A-Za-z]{1,2}[0-9][A-Za-z0-9]?\s*[0-9][A-Za-z]{2}\s*$", ErrorMessage = "Enter a real postcode, like B1 1AA")]
    public string? Postcode { get; set; }

    public bool IsActive { get; set; } = true;

    public AgencyForm ToForm() => new(Name!, Type!.Value, LocalityId, Reference, Postcode, IsActive);

    public static async Task<IReadOnlyList<Locality>> LocalitiesAsync(SafeguardingDbContext db, CancellationToken cancellationToken) =>
        await db.Localities.OrderBy(l => l.Name).ToListAsync(cancellationToken);
}
