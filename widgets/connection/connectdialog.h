#pragma once

#include <QDialog>

class QCheckBox;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace Tenantry::Widgets {

class ConnectionProfiles;
class MessageBanner;
class SecretStore;

// File > Connect to…: the saved connection profiles, each a data directory and, for a
// PostgreSQL catalog, its URL; the password typed (or found in a pasted URL) goes to the
// SecretStore, never into the profile. Save keeps a profile, Delete forgets it and its
// password, Connect saves and asks for the console to open it (connectRequested). Where no
// keychain is available the banner says where passwords are kept instead. GUI thread only;
// the profiles and secrets must outlive the dialog.
class ConnectDialog final : public QDialog
{
    Q_OBJECT

public:
    ConnectDialog(ConnectionProfiles &profiles, SecretStore &secrets, const QString &current,
                  QWidget *parent = nullptr);

    // What Save does; false (with the reason in the banner) when the profile was refused.
    bool saveProfile();
    void deleteProfile();
    // Saves, emits connectRequested and closes; false when saving failed.
    bool connectToProfile();

Q_SIGNALS:
    void connectRequested(const QString &profileName);

private:
    void reloadList(const QString &select);
    void showProfile(const QString &name);
    void updateFields();

    ConnectionProfiles &m_profiles;
    SecretStore &m_secrets;
    QListWidget *m_list;
    QLineEdit *m_name;
    QLineEdit *m_dataDir;
    QCheckBox *m_postgres;
    QLineEdit *m_url;
    QLineEdit *m_password;
    MessageBanner *m_banner;
};

} // namespace Tenantry::Widgets
