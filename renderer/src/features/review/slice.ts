import type { SliceCreator } from '../../app/store'

/** What the review queue keeps across navigation: the score band filter and the item on screen. */
export interface ReviewSlice {
  reviewBand: string
  reviewSelected: number | undefined
  setReviewBand(band: string): void
  setReviewSelected(id: number | undefined): void
}

export const createReviewSlice: SliceCreator<ReviewSlice> = (set) => ({
  reviewBand: 'all',
  reviewSelected: undefined,
  setReviewBand: (reviewBand) => set({ reviewBand, reviewSelected: undefined }),
  setReviewSelected: (reviewSelected) => set({ reviewSelected }),
})
