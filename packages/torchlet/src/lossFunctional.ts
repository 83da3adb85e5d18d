// The losses' part of torch.nn.functional (torch.nn.F): every loss function of @torchlet/losses.
export {
  binaryCrossEntropy, binaryCrossEntropyWithLogits, cosineEmbeddingLoss, crossEntropy, ctcLoss, gaussianNllLoss, hingeEmbeddingLoss, huberLoss, klDiv, l1Loss,
  marginRankingLoss, mseLoss, multiMarginLoss, multilabelMarginLoss, multilabelSoftMarginLoss, nllLoss, poissonNllLoss, smoothL1Loss, softMarginLoss,
  tripletMarginLoss, tripletMarginWithDistanceLoss,
} from '@torchlet/losses';
