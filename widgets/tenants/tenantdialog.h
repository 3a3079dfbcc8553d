#pragma once

#include "core/tenancy/tenant.h"

#include <QDialog>
#include <QHash>
#include <QSet>

#include <optional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;

namespace Tenantry {
class TenantService;
struct CreatedTenant;
struct Error;
}

namespace Tenantry::Widgets {

// Registers a new tenant, clones an existing one, or edits a tenant's configuration, through
// TenantService.
//
// A new tenant is registered in steps, a wizard: its name and slug; its plan, isolation and
// whether it starts active; its locale, time zone and theme colour; a review of it all, where
// Create registers it. Next moves on only when the step's fields are valid; an error the
// service reports takes the operator back to the step of the field it names. Clone and edit
// are one short form.
//
// The form is checked as the operator types with the rules the service applies
// (normalizeSlug, validateConfig); a field's message appears once that field has been
// edited, and every message appears when Create is pressed on an invalid form. Errors the
// service reports (e.g. a taken slug) land next to the field they name.
//
// On success a new tenant's dialog emits tenantCreated() and switches to a page that shows
// the tenant's first API key exactly once, read-only and copyable. The key lives only in that
// field: closing the dialog discards it. Once a tenant exists, closing the dialog in any
// way counts as accepted. An edit sends only the fields that changed (one audited
// updateConfig), emits tenantUpdated() and closes.
//
// Does not own the service. GUI thread only; the service call is synchronous.
class TenantDialog final : public QDialog
{
    Q_OBJECT

public:
    // Create mode: slug, display name, plan, isolation, locale, time zone, theme colour.
    explicit TenantDialog(TenantService *service, QWidget *parent = nullptr);
    enum class Purpose { Clone, Edit };
    // Clone: the new tenant gets `tenant`'s plan and configuration; the operator chooses its
    // slug and display name. Edit: `tenant`'s display name, locale, time zone and theme
    // colour (its slug is fixed; its plan changes with its subscription).
    TenantDialog(TenantService *service, const Tenant &tenant, Purpose purpose = Purpose::Clone,
                 QWidget *parent = nullptr);

    static constexpr int kStepCount = 4; // name, plan and data, region and branding, review

    bool isClone() const { return m_source.has_value() && !m_edit; }
    // The wizard's step shown, 0-based; 0 outside the wizard.
    int currentStep() const;
    bool isEdit() const { return m_edit; }
    // The tenant this dialog created, once it has; std::nullopt before.
    std::optional<Tenant> createdTenant() const { return m_created; }

    // A readable, translated name for a field named in a FieldError: "display_name" or a
    // JSON pointer such as "/time_zone". Unknown names come back unchanged.
    static QString fieldLabel(const QString &field);

public Q_SLOTS:
    // What the Create (Save) button does: shows every validation message and, when the form
    // is valid, asks the service. Returns true when the tenant was created (changed). In the
    // wizard it may be called from any step; on an invalid form it shows the first step with
    // an error.
    bool submit();
    // The wizard's steps (create mode): Next checks the current step and moves on (false when
    // it stays, showing why); Back returns. Both are no-ops outside the wizard.
    bool next();
    void back();
    void reject() override;

Q_SIGNALS:
    void tenantCreated(const Tenantry::Tenant &tenant);
    void tenantUpdated(const Tenantry::Tenant &tenant);

private:
    void buildForm();
    bool isWizard() const { return !m_source.has_value(); }
    void showStep(int step);
    static int stepOf(const QString &field);
    QString reviewText() const;
    QWidget *buildKeyPage();
    void addField(QFormLayout *form, const QString &label, QWidget *editor, const QString &field);
    TenantConfig config() const;
    // Field name -> message for everything wrong with the form right now.
    QHash<QString, QString> validationErrors() const;
    void showErrors(const QHash<QString, QString> &errors);
    void showServiceError(const Error &error);
    void touch(const QString &field);
    void setThemeColor(const QString &color);
    void chooseThemeColor();
    void showKey(const CreatedTenant &created);
    bool submitEdit();

    TenantService *m_service;
    std::optional<Tenant> m_source; // the tenant cloned or edited
    bool m_edit = false;
    std::optional<Tenant> m_created;

    QStackedWidget *m_pages = nullptr;
    QLineEdit *m_displayName = nullptr;
    QLineEdit *m_slug = nullptr;
    QComboBox *m_plan = nullptr;
    QComboBox *m_isolation = nullptr;
    QComboBox *m_locale = nullptr;
    QComboBox *m_timeZone = nullptr;
    QPushButton *m_colorButton = nullptr;
    QCheckBox *m_activate = nullptr;
    QLabel *m_formError = nullptr;
    QStackedWidget *m_steps = nullptr; // the wizard's steps; null for clone and edit
    QLabel *m_stepTitle = nullptr;
    QLabel *m_review = nullptr;
    QPushButton *m_backButton = nullptr;
    QPushButton *m_nextButton = nullptr;
    QPushButton *m_createButton = nullptr;
    QDialogButtonBox *m_formButtons = nullptr;
    QHash<QString, QLabel *> m_errorLabels;
    QHash<QString, QString> m_serviceErrors; // field -> message, until that field is edited
    QSet<QString> m_touched;                 // fields whose messages are shown; "*" = all
    QString m_themeColor;
    bool m_slugEditedByHand = false;

    QLabel *m_keyHeadline = nullptr;
    QLineEdit *m_keyField = nullptr;
};

} // namespace Tenantry::Widgets
