using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Memento.Domain.Data.Conversions;

/// <summary>
/// Stores a DateTimeOffset as UTC ticks (INTEGER) on SQLite. EF Core's default TEXT form cannot be ordered or
/// compared in SQL there; integers sort in time order and keep full precision.
/// </summary>
internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks,
    v => new DateTimeOffset(v, TimeSpan.Zero));

/// <summary>
/// Normalises to offset zero before writing to PostgreSQL, whose timestamptz only accepts UTC values from Npgsql;
/// callers may then pass any offset.
/// </summary>
internal sealed class UtcNormalizingConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
    v => v.ToUniversalTime(),
    v => v.ToUniversalTime());
