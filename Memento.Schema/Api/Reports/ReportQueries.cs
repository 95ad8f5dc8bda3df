using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;
using Memento.Domain.Services.Reports;

namespace Memento.Schema.Api.Reports;

/// <summary>The manual's exports; each covers only what the caller may see of the project.</summary>
public sealed class ReportQueries
{
    public Task<ProjectSummary> ProjectSummary(long projectId, IResolveContext context, ReportService reports) =>
        reports.SummaryAsync(ApiCaller.Of(context), projectId, context.CancellationToken);

    public Task<List<ProjectDataRow>> ProjectData(long projectId, IResolveContext context, ReportService reports) =>
        reports.DataAsync(ApiCaller.Of(context), projectId, context.CancellationToken);

    public Task<List<ProjectRoiRow>> ProjectRois(long projectId, IResolveContext context, ReportService reports) =>
        reports.RoisAsync(ApiCaller.Of(context), projectId, context.CancellationToken);

    public Task<List<ProjectCommentRow>> ProjectComments(long projectId, IResolveContext context,
        ReportService reports) =>
        reports.CommentsAsync(ApiCaller.Of(context), projectId, context.CancellationToken);
}
