#include "core/http/reportroutes.h"

#include "core/http/tenantlookup.h"
#include "core/report/usagereportcsv.h"
#include "core/report/usagereportjson.h"

using namespace Qt::StringLiterals;

namespace Tenantry::Http {
namespace {

struct ReportRequest {
    Report::UsagePeriod period;
    QString format;
};

Result<ReportRequest> readReportRequest(const QUrlQuery &params, bool pdfAvailable)
{
    ReportRequest out;
    QList<FieldError> fields;
    QString detail;
    auto period = Report::parseUsagePeriod(params.queryItemValue(u"from"_s, QUrl::FullyDecoded),
                                           params.queryItemValue(u"to"_s, QUrl::FullyDecoded));
    if (period) {
        out.period = period.value();
    } else {
        fields = period.error().fields;
        detail = period.error().message;
    }
    out.format = params.hasQueryItem(u"format"_s) ? params.queryItemValue(u"format"_s, QUrl::FullyDecoded)
                                                  : u"json"_s;
    const QStringList formats = pdfAvailable ? QStringList{u"json"_s, u"csv"_s, u"pdf"_s}
                                             : QStringList{u"json"_s, u"csv"_s};
    if (!formats.contains(out.format)) {
        const QString allowed = u"must be %1"_s.arg(formats.join(u", "_s));
        fields.append({u"format"_s, allowed});
        detail = detail.isEmpty() ? u"The report format %1."_s.arg(allowed) : u"Some query parameters are not valid."_s;
    }
    if (!fields.isEmpty())
        return Error::invalid(u"invalid-query"_s, detail, fields);
    return out;
}

Result<HttpResponse> render(const Result<Report::UsageReport> &report, const QString &format,
                            const UsagePdfRenderer &renderPdf)
{
    if (!report)
        return report.error();
    if (format == "csv"_L1) {
        return HttpResponse::attachment("text/csv; charset=utf-8", Report::usageReportToCsv(report.value()),
                          Report::usageReportFileName(report.value(), u"csv"_s));
    }
    if (format == "pdf"_L1) {
        auto pdf = renderPdf(report.value());
        if (!pdf)
            return pdf.error();
        return HttpResponse::attachment("application/pdf", pdf.value(), Report::usageReportFileName(report.value(), u"pdf"_s));
    }
    return HttpResponse::json(Report::usageReportToJson(report.value()));
}

} // namespace

void registerReportRoutes(Router &router, Report::UsageReporter &reporter, const TenantDirectory &directory,
                          UsagePdfRenderer renderPdf)
{
    const bool pdf = bool(renderPdf);
    router.add("GET", u"/admin/v1/reports/usage"_s, Scope::Admin,
               [&reporter, renderPdf, pdf](const RequestContext &ctx) -> Result<HttpResponse> {
                   auto request = readReportRequest(ctx.request.query, pdf);
                   if (!request)
                       return request.error();
                   return render(reporter.allTenantsReport(request->period), request->format, renderPdf);
               });
    router.add("GET", u"/admin/v1/tenants/{slug}/reports/usage"_s, Scope::Admin,
               [&reporter, &directory, renderPdf, pdf](const RequestContext &ctx) -> Result<HttpResponse> {
                   auto tenant = tenantNamed(directory, ctx.params.value(u"slug"_s));
                   if (!tenant)
                       return tenant.error();
                   auto request = readReportRequest(ctx.request.query, pdf);
                   if (!request)
                       return request.error();
                   return render(reporter.tenantReport(tenant.value()->id, request->period), request->format, renderPdf);
               });
    router.add("GET", u"/api/v1/reports/usage"_s, Scope::Tenant,
               [&reporter, renderPdf, pdf](const RequestContext &ctx) -> Result<HttpResponse> {
                   auto request = readReportRequest(ctx.request.query, pdf);
                   if (!request)
                       return request.error();
                   // The calling tenant's own report, whatever else the request names.
                   return render(reporter.tenantReport(ctx.tenant->tenant->id, request->period), request->format,
                                 renderPdf);
               });
}

} // namespace Tenantry::Http
