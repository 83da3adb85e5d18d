// torch.pairwise_distance, torch.cosine_similarity and torch.pdist: nn.F's functions, under torch too.
import { F } from '@torchlet/nn-module';

export const { cosineSimilarity, pairwiseDistance, pdist } = F;
