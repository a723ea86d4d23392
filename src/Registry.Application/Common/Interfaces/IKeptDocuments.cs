using Registry.Application.Features.Documents;
using Registry.Application.Features.Fees;

namespace Registry.Application.Common.Interfaces;

/// <summary>Documents people keep, as accessible PDFs: a credential's certificate and wallet card, a payment's receipt.</summary>
public interface IKeptDocuments
{
    /// <summary>A US Letter landscape certificate with a QR code to <paramref name="liveRecordAddress"/>.</summary>
    byte[] Certificate(GetCredentialDocuments.Model credential, string liveRecordAddress);

    /// <summary>A wallet card's front and back (85.6 × 54 mm each) on a US Letter page with cut marks, the QR code on the back.</summary>
    byte[] WalletCard(GetCredentialDocuments.Model credential, string liveRecordAddress);

    /// <summary>A payment's receipt; <paramref name="method"/> and <paramref name="paidFor"/> are the words the receipt page shows.</summary>
    byte[] Receipt(GetFeeReceipt.Receipt receipt, string method, string paidFor);
}
